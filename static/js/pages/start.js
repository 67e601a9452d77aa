import { openOnboarding } from "acuplan/plan/onboarding-form";

const form = document.querySelector("[data-onboarding]");
if (form) openOnboarding(form);

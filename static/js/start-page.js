import { setUpOnboarding } from "acuplan/onboarding-form";

const form = document.querySelector("[data-onboarding]");
if (form) setUpOnboarding(form, { onSaved: () => window.location.assign("/") });

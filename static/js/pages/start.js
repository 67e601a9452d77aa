import { setUpOnboarding } from "acuplan/plan/onboarding-form";

const form = document.querySelector("[data-onboarding]");
const query = new URLSearchParams(window.location.search);
// after the short safety check, back to the routine it was asked for (a path on this site)
const next = /^\/(?![/\\])/.test(query.get("next") ?? "") ? query.get("next") : "/";
const check = query.has("check");
if (form) setUpOnboarding(form, { check, onSaved: () => window.location.assign(check ? next : "/") });

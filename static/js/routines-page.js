import { autoSubmit } from "acuplan/auto-submit";

for (const form of document.querySelectorAll("form[data-auto-submit]")) autoSubmit(form);

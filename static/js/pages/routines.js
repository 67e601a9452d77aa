import { autoSubmit } from "acuplan/ui/auto-submit";
import { filterCards } from "acuplan/routines/filter";
import { showOwnRoutines } from "acuplan/routines/own-list";

const form = document.querySelector("form[data-auto-submit]");
const list = document.querySelector("[data-routine-list]");
if (form && list) filterCards(form, list, document.querySelector(".result-count"));
if (form) autoSubmit(form);
const own = document.querySelector("[data-own-routines]");
if (own) showOwnRoutines(own);

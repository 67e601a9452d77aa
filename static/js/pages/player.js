import { openPlayer } from "acuplan/player/player";

const root = document.querySelector("[data-player]");
if (root) openPlayer(root);

import { openEditor } from "acuplan/editor/page";

const root = document.querySelector(".editor[data-editor]");
if (root) openEditor(root);

/** Save what the page made (a journal export, a calendar file) as a file on the device. */
export function download(content, filename, type = content.type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // not at once: the browser may still be reading the file when click() returns
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

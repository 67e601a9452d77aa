/**
 * Sharing a person's own routine: as a versioned JSON file, or as a link whose URL fragment
 * carries the routine (deflated, base64url; at most LINK_MAX characters, small enough for a
 * QR code). The fragment never reaches a server. Importing never overwrites: a routine with
 * an id already taken is saved as a copy.
 */
import { copyOf, getCustom, listCustom, saveCustom } from "acuplan/routines/custom";

const FILE_VERSION = 1;
const LINK_MAX = 2048;
const LINK_PATH = "/routines/shared";

export class ShareError extends Error {}

/** The routine as a file's text: {"acuplan": "routine", "version": 1, "routine": {...}}. */
export function routineFile(routine) {
  return JSON.stringify({ acuplan: "routine", version: FILE_VERSION, routine }, null, 1);
}

/** The routine a file's text carries; ShareError says why a file is not one. */
export function readRoutineFile(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ShareError("This file is not a routine from Acuplan: it is not JSON.");
  }
  if (body?.acuplan !== "routine" || typeof body.routine !== "object" || !body.routine) {
    throw new ShareError("This file is not a routine from Acuplan.");
  }
  if (body.version !== FILE_VERSION) {
    throw new ShareError("This routine was saved by a newer Acuplan: update the app to open it.");
  }
  return body.routine;
}

/** A link that carries the routine; ShareError when it would be longer than LINK_MAX. */
export async function shareLink(routine, origin = window.location.origin) {
  const packed = await deflate(JSON.stringify(routine));
  const link = `${origin}${LINK_PATH}#${FILE_VERSION}.${packed}`;
  if (link.length > LINK_MAX) {
    throw new ShareError(
      `This routine is too long for a link (${link.length} of ${LINK_MAX} characters): share it as a file.`,
    );
  }
  return link;
}

/** The routine a link's fragment (`#1.…`) carries; ShareError when it cannot be read. */
export async function readShareLink(hash) {
  const match = /^#?(\d+)\.([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) throw new ShareError("This link carries no routine. Ask for the link again.");
  if (Number(match[1]) !== FILE_VERSION) {
    throw new ShareError("This link was made by a newer Acuplan: update the app to open it.");
  }
  try {
    return JSON.parse(await inflate(match[2]));
  } catch {
    throw new ShareError("This link is damaged: part of it may be missing. Ask for it again.");
  }
}

/**
 * Save a shared routine as the person's own. The same id already in use (theirs or the
 * library's) saves it as a copy with an id of its own. Returns {routine, copied, same}:
 * `same` when they already have exactly this routine (nothing saved).
 */
export async function importRoutine(routine, libraryIds = []) {
  const existing = await getCustom(routine.id);
  if (existing && JSON.stringify(existing) === JSON.stringify(routine)) {
    return { routine: existing, copied: false, same: true };
  }
  if (!existing && !libraryIds.includes(routine.id)) {
    await saveCustom(routine);
    return { routine, copied: false, same: false };
  }
  const taken = [...libraryIds, ...(await listCustom()).map((r) => r.id)];
  const copy = copyOf(routine, taken, "copy");
  await saveCustom(copy);
  return { routine: copy, copied: true, same: false };
}

async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function inflate(packed) {
  const binary = atob(packed.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

import { readFileSync } from 'node:fs';

export interface ZipEntry {
  readonly name: string;
  readonly size: number;
}

/** Lists a zip file's entries from its central directory (a .vsix is a zip). */
export function listZip(path: string): ZipEntry[] {
  const data = readFileSync(path);
  const endSignature = 0x06054b50;
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== endSignature) {
    end -= 1;
  }
  if (end < 0) {
    throw new Error(`${path} is not a zip file`);
  }
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (data.readUInt32LE(offset) !== 0x02014b50) {
      throw new Error(`${path}: damaged central directory`);
    }
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    entries.push({ name: data.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Bytes → text. Chinese government files are often GBK: decode them rather than refuse them. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly offset: number,
  ) {
    super(en);
  }
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bomDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bomDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: bomDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new DecodeError(
      `第 ${nul} 字节为 NUL：这是二进制文件，不是 YAML 或 JSON 文本`,
      `byte ${nul} is NUL: this is a binary file, not YAML or JSON text`,
      nul,
    );
  }
  try {
    return { text: strictDecode('utf-8', bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: strictDecode('gb18030', bytes), encoding: 'gb18030' };
    } catch {
      throw new DecodeError(
        '文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030 编码',
        'the file is neither valid UTF-8 nor valid GBK/GB18030',
        0,
      );
    }
  }
}

/** A BOM says the encoding: bytes that are not valid in it (an odd byte count, a lone surrogate) are a broken file. */
function bomDecode(label: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return strictDecode(label, bytes);
  } catch {
    const name = label.toUpperCase();
    throw new DecodeError(`文件以 ${name} 字节顺序标记开头，但内容不是有效的 ${name}`, `the file starts with a ${name} byte order mark but is not valid ${name}`, 0);
  }
}

function strictDecode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
}

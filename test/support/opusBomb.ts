// A voice-note decompression bomb for tests: an OGG/Opus file whose packets are 2 bytes each and stand for
// 120 ms of audio apiece (TOC: CELT 20 ms, code 3, six frames of zero bytes, which a decoder conceals as
// silence), so a few hundred KB declare hours. Page CRCs are left zero: the SDK's reader does not check them.

function page(headerType: number, sequence: number, packets: Uint8Array[]): Uint8Array {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const body = packets.reduce((sum, packet) => sum + packet.length, 0);
  const bytes = new Uint8Array(27 + lacing.length + body);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4f, 0x67, 0x67, 0x53]); // OggS
  view.setUint8(5, headerType);
  view.setUint32(14, 0x5eed, true); // stream serial
  view.setUint32(18, sequence, true);
  view.setUint8(26, lacing.length);
  bytes.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const packet of packets) {
    bytes.set(packet, at);
    at += packet.length;
  }
  return bytes;
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

export const BOMB_PACKET = new Uint8Array([0xfb, 0x06]); // 120 ms
export const BOMB_PRE_SKIP = 312;

/** An OGG/Opus file of `packets` packets of 120 ms each (about 2.1 bytes of file per 120 ms of audio). */
export function oggOpusBomb(packets: number): Uint8Array {
  const head = new Uint8Array([...ascii('OpusHead'), 1, 1, BOMB_PRE_SKIP & 0xff, BOMB_PRE_SKIP >> 8, 0x80, 0xbb, 0, 0, 0, 0, 0]);
  const tags = new Uint8Array([...ascii('OpusTags'), 4, 0, 0, 0, ...ascii('bomb'), 0, 0, 0, 0]);
  const pages = [page(0x02, 0, [head]), page(0, 1, [tags])];
  for (let sent = 0, sequence = 2; sent < packets; sequence += 1) {
    const count = Math.min(255, packets - sent);
    pages.push(page(sent + count === packets ? 0x04 : 0, sequence, Array.from({ length: count }, () => BOMB_PACKET)));
    sent += count;
  }
  const out = new Uint8Array(pages.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of pages) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

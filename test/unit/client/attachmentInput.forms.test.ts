// sendAttachment's input forms: File/Blob pass through, { name, type, data } with bytes becomes a named
// Blob holding a copy of the bytes, anything else is refused naming the accepted forms.
import { toUploadFile } from '../../../src/client/attachmentInput';
import { AttachmentError } from '../../../src/errors';

const bytesOf = (blob: Blob): Promise<number[]> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Array.from(new Uint8Array(reader.result as ArrayBuffer)));
    reader.readAsArrayBuffer(blob);
  });

describe('toUploadFile', () => {
  it('passes a File through unchanged', () => {
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    expect(toUploadFile(file)).toBe(file);
  });

  it.each([
    ['Uint8Array', new Uint8Array([1, 2, 3])],
    ['ArrayBuffer', new Uint8Array([1, 2, 3]).buffer],
    ['Buffer', Buffer.from([1, 2, 3])],
  ])('turns { name, type, data: %s } into a named file with the same bytes', async (_kind, data) => {
    const file = toUploadFile({ name: 'photo.png', type: 'image/png', data });
    expect([file.name, file.type, file.size]).toEqual(['photo.png', 'image/png', 3]);
    expect(await bytesOf(file)).toEqual([1, 2, 3]);
  });

  it('copies the bytes, so a Buffer from a shared pool uploads only its own', async () => {
    const pool = Buffer.from([9, 9, 4, 5, 9]);
    const data = pool.subarray(2, 4);
    const file = toUploadFile({ name: 'a.txt', data });
    pool.fill(0);
    expect(await bytesOf(file)).toEqual([4, 5]);
    expect(file.type).toBe('');
  });

  it.each([
    ['bare bytes', Buffer.from([1]), /attachment must be a File, a Blob with a name, or \{ name, type, data \}.*; got object/],
    ['a string', 'hello', /attachment must be .*Uint8Array, ArrayBuffer or Buffer; got string/],
    ['data as text', { name: 'a.txt', data: 'hello' }, /attachment\.data must be .*; got string/],
    ['no name', { type: 'text/plain', data: new Uint8Array(1) }, /attachment\.name must be/],
  ])('refuses %s with an AttachmentError naming the accepted forms', (_case, input, message) => {
    let error: unknown;
    try {
      toUploadFile(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as Error).message).toMatch(message);
  });
});

// Attachment flows against a recording API double and a fake XMLHttpRequest installed on globalThis.
import { downloadAttachment, getAttachmentUrl, uploadAttachment, type AttachmentApi } from '../../../src/client/attachments';
import { checkAttachment } from '../../../src/client/attachmentRules';
import { checkTransferUrl } from '../../../src/client/transfer';
import { AttachmentError, ChatServiceError } from '../../../src/errors';
import type { AttachmentProgress } from '../../../src/types';

const MB = 1024 * 1024;

class FakeXhr {
  static instances: FakeXhr[] = [];
  static status = 200;
  static progress: Array<[number, number]> = [];
  static fail: 'error' | 'abort' | null = null;

  status = 0;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Blob | null = null;
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: Blob): void {
    this.body = body;
    setTimeout(() => {
      for (const [loaded, total] of FakeXhr.progress) {
        this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
      }
      if (FakeXhr.fail === 'error') return this.onerror?.();
      if (FakeXhr.fail === 'abort') return this.onabort?.();
      this.status = FakeXhr.status;
      this.onload?.();
    }, 0);
  }
}

interface ApiDouble extends AttachmentApi {
  calls: Array<[string, unknown[]]>;
}

function apiDouble(uploadUrl = 'https://bucket.s3.amazonaws.com/att-1?X-Amz-Signature=secret', downloadUrl = uploadUrl): ApiDouble {
  const calls: Array<[string, unknown[]]> = [];
  const api = {
    calls,
    startAttachmentUpload: async (...args: unknown[]) => {
      calls.push(['startAttachmentUpload', args]);
      return {
        AttachmentId: 'att-1',
        UploadMetadata: { Url: uploadUrl, UrlExpiry: 'soon', HeadersToInclude: { 'Content-Type': 'image/png', 'x-amz-meta-a': 'b' } },
        $metadata: { httpStatusCode: 200, requestId: 'rid-start' },
      };
    },
    completeAttachmentUpload: async (...args: unknown[]) => {
      calls.push(['completeAttachmentUpload', args]);
      return { $metadata: { httpStatusCode: 200 } };
    },
    getAttachment: async (...args: unknown[]) => {
      calls.push(['getAttachment', args]);
      return { Url: downloadUrl, UrlExpiry: 'soon', AttachmentSizeInBytes: 3, $metadata: { httpStatusCode: 200 } };
    },
  };
  return api as unknown as ApiDouble;
}

const png = (size?: number, name = 'photo.png', type = 'image/png'): File => {
  const file = new File(['abc'], name, { type });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
};

const realXhr = globalThis.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.instances = [];
  FakeXhr.status = 200;
  FakeXhr.progress = [];
  FakeXhr.fail = null;
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeXhr;
});
afterEach(() => {
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = realXhr;
});

describe('uploadAttachment', () => {
  it('starts, PUTs with exactly HeadersToInclude, completes, and resolves the Start answer', async () => {
    const api = apiDouble();
    const file = png();
    const result = await uploadAttachment(api, 'ct-1', file, { clientToken: 'tok-1' });
    expect(api.calls.map(([name]) => name)).toEqual(['startAttachmentUpload', 'completeAttachmentUpload']);
    expect(api.calls[0]?.[1]).toEqual([
      'ct-1',
      { attachmentName: 'photo.png', attachmentSizeInBytes: 3, contentType: 'image/png', clientToken: 'tok-1' },
    ]);
    // Complete carries its own ClientToken, the same on every try of that step.
    expect(api.calls[1]?.[1]).toEqual(['ct-1', 'att-1', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    const [xhr] = FakeXhr.instances;
    expect(xhr).toMatchObject({ method: 'PUT', url: 'https://bucket.s3.amazonaws.com/att-1?X-Amz-Signature=secret' });
    expect(xhr?.headers).toEqual({ 'Content-Type': 'image/png', 'x-amz-meta-a': 'b' });
    expect(xhr?.body).toBe(file);
    expect(result).toEqual({ AttachmentId: 'att-1', $metadata: { httpStatusCode: 200, requestId: 'rid-start' } });
  });

  it('forwards upload progress and ends with a complete event', async () => {
    FakeXhr.progress = [[1, 3], [3, 3]];
    const seen: AttachmentProgress[] = [];
    await uploadAttachment(apiDouble(), 'ct-1', png(), { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([{ loaded: 1, total: 3 }, { loaded: 3, total: 3 }, { loaded: 3, total: 3 }]);
  });

  it('keeps uploading when the progress callback throws', async () => {
    FakeXhr.progress = [[1, 3]];
    const onProgress = () => {
      throw new Error('app bug');
    };
    await expect(uploadAttachment(apiDouble(), 'ct-1', png(), { onProgress })).resolves.toMatchObject({ AttachmentId: 'att-1' });
  });

  it.each([403, 500])('rejects AttachmentUploadFailed on PUT %i and never completes', async (status) => {
    FakeXhr.status = status;
    const api = apiDouble();
    const error = await uploadAttachment(api, 'ct-1', png()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatServiceError);
    expect(error).toMatchObject({ type: 'AttachmentUploadFailed', statusCode: status, retryable: status >= 500 });
    expect(api.calls.map(([name]) => name)).toEqual(['startAttachmentUpload']);
  });

  it.each(['error', 'abort'] as const)('rejects AttachmentUploadFailed when the PUT ends in %s', async (fail) => {
    FakeXhr.fail = fail;
    const api = apiDouble();
    await expect(uploadAttachment(api, 'ct-1', png())).rejects.toMatchObject({ type: 'AttachmentUploadFailed' });
    expect(api.calls.map(([name]) => name)).toEqual(['startAttachmentUpload']);
  });

  it('refuses a file type Amazon Connect does not accept, before any call', async () => {
    const api = apiDouble();
    const error = await uploadAttachment(api, 'ct-1', png(undefined, 'setup.exe', 'application/x-msdownload')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as AttachmentError).fileName).toBe('setup.exe');
    expect((error as Error).message).toMatch(/"setup\.exe".*application\/x-msdownload.*\.pdf.*\.png/);
    expect(api.calls).toEqual([]);
    expect(FakeXhr.instances).toEqual([]);
  });

  it('refuses a 25 MB file, before any call', async () => {
    const api = apiDouble();
    const error = await uploadAttachment(api, 'ct-1', png(25 * MB, 'big.png')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect((error as Error).message).toMatch(/"big\.png" is 25\.0 MB; the limit is 20\.0 MB/);
    expect(api.calls).toEqual([]);
  });

  it.each([
    'http://bucket.example.com/att-1',
    'ftp://127.0.0.1/att-1',
    'not a url',
  ])('refuses to PUT to %s and never completes', async (url) => {
    const api = apiDouble(url);
    await expect(uploadAttachment(api, 'ct-1', png())).rejects.toMatchObject({ type: 'InvalidAttachmentUrl' });
    expect(FakeXhr.instances).toEqual([]);
    expect(api.calls.map(([name]) => name)).toEqual(['startAttachmentUpload']);
  });

  it('uploads to the local emulator over http on a loopback host', async () => {
    await uploadAttachment(apiDouble('http://127.0.0.1:9100/upload/att-1'), 'ct-1', png());
    expect(FakeXhr.instances[0]?.url).toBe('http://127.0.0.1:9100/upload/att-1');
  });

  it('falls back to fetch without XMLHttpRequest and reports one final progress event', async () => {
    const fetchCalls: Array<[string, RequestInit | undefined]> = [];
    const fetchFn = async (url: string, init?: RequestInit) => {
      fetchCalls.push([url, init]);
      return { status: 200 } as Response;
    };
    const seen: AttachmentProgress[] = [];
    const file = png();
    await uploadAttachment(apiDouble(), 'ct-1', file, { xhr: null, fetch: fetchFn, onProgress: (p) => seen.push(p) });
    expect(fetchCalls).toHaveLength(1);
    expect(fetchCalls[0]?.[1]).toMatchObject({ method: 'PUT', body: file, headers: { 'Content-Type': 'image/png' } });
    expect(seen).toEqual([{ loaded: 3, total: 3 }]);
  });

  it('checks the fetch PUT status too', async () => {
    const api = apiDouble();
    const fetchFn = async () => ({ status: 403 }) as Response;
    await expect(uploadAttachment(api, 'ct-1', png(), { xhr: null, fetch: fetchFn })).rejects.toMatchObject({
      type: 'AttachmentUploadFailed',
      statusCode: 403,
    });
    expect(api.calls.map(([name]) => name)).toEqual(['startAttachmentUpload']);
  });
});

describe('checkAttachment', () => {
  it('accepts an allowed MIME type whatever the extension, ignoring parameters', () => {
    expect(checkAttachment({ name: 'notes', size: 1, type: 'text/plain; charset=utf-8' })).toBe('text/plain');
    expect(checkAttachment({ name: 'x.bin', size: 1, type: 'application/pdf' })).toBe('application/pdf');
  });

  it('accepts an empty or generic type when the extension is allowed, declaring its MIME type', () => {
    expect(checkAttachment({ name: 'IMG_1.HEIC', size: 1, type: '' })).toBe('image/heic');
    expect(checkAttachment({ name: 'sheet.xlsx', size: 1, type: 'application/octet-stream' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses a generic type with an unknown extension, a disallowed type, and empty files', () => {
    expect(() => checkAttachment({ name: 'a.zip', size: 1, type: '' })).toThrow(AttachmentError);
    expect(() => checkAttachment({ name: 'a.png', size: 1, type: 'image/gif' })).toThrow(/image\/gif/);
    expect(() => checkAttachment({ name: 'a.png', size: 0, type: 'image/png' })).toThrow(/empty/);
  });

  it('accepts exactly 20 MB', () => {
    expect(checkAttachment({ name: 'a.mp4', size: 20 * MB, type: 'video/mp4' })).toBe('video/mp4');
  });
});

describe('checkTransferUrl', () => {
  it.each(['https://x.example/a', 'http://localhost:9100/a', 'http://127.0.0.1/a', 'http://[::1]:8080/a'])('accepts %s', (url) => {
    expect(checkTransferUrl(url)).toBe(url);
  });

  it('does not quote the secret part of a refused URL', () => {
    expect(() => checkTransferUrl('http://evil.example/a?X-Amz-Signature=secret')).toThrow(/http:\/\/evil\.example:/);
    expect(() => checkTransferUrl('http://evil.example/a?X-Amz-Signature=secret')).not.toThrow(/secret/);
  });
});

describe('downloadAttachment and getAttachmentUrl', () => {
  it('downloads the file as a Blob', async () => {
    const blob = new Blob(['abc']);
    const urls: string[] = [];
    const fetchFn = async (url: string) => {
      urls.push(url);
      return { status: 200, blob: async () => blob } as Response;
    };
    const api = apiDouble();
    await expect(downloadAttachment(api, 'ct-1', 'att-1', { fetch: fetchFn })).resolves.toBe(blob);
    expect(api.calls).toEqual([['getAttachment', ['ct-1', 'att-1']]]);
    expect(urls).toEqual(['https://bucket.s3.amazonaws.com/att-1?X-Amz-Signature=secret']);
  });

  it('rejects AttachmentDownloadFailed when the GET is not 2xx', async () => {
    const fetchFn = async () => ({ status: 404, blob: async () => new Blob([]) }) as Response;
    await expect(downloadAttachment(apiDouble(), 'ct-1', 'att-1', { fetch: fetchFn })).rejects.toMatchObject({
      type: 'AttachmentDownloadFailed',
      statusCode: 404,
    });
  });

  it('refuses a download URL that is not https, without fetching', async () => {
    const fetchFn = jest.fn();
    await expect(
      downloadAttachment(apiDouble(undefined, 'http://cdn.example/a'), 'ct-1', 'att-1', { fetch: fetchFn }),
    ).rejects.toMatchObject({ type: 'InvalidAttachmentUrl' });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('getAttachmentUrl resolves the checked URL', async () => {
    await expect(getAttachmentUrl(apiDouble(), 'ct-1', 'att-1')).resolves.toBe(
      'https://bucket.s3.amazonaws.com/att-1?X-Amz-Signature=secret',
    );
    await expect(getAttachmentUrl(apiDouble(undefined, 'http://cdn.example/a'), 'ct', 'a')).rejects.toBeInstanceOf(
      ChatServiceError,
    );
  });
});

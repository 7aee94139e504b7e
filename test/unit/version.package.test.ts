import { readFileSync } from 'fs';
import { join } from 'path';
import { AWS_SDK_VERSION, VERSION } from '../../src/version';

const versionOf = (packageJson: string): string => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

describe('VERSION', () => {
  it("equals package.json's version", () => {
    expect(VERSION).toBe(versionOf(join(__dirname, '../../package.json')));
  });

  it("AWS_SDK_VERSION equals the installed @aws-sdk/client-connectparticipant's version", () => {
    expect(AWS_SDK_VERSION).toBe(versionOf(join(__dirname, '../../node_modules/@aws-sdk/client-connectparticipant/package.json')));
  });
});

// Stands in for @smithy/core's S3 endpoint customizations (bucket-name rules) in the script-tag bundle.
// The SDK applies them only to a client whose service is S3; the Participant client never is.
const notS3 = () => {
  throw new Error('S3 endpoint customizations are not part of this bundle: the Participant client is not an S3 client');
};
export const resolveParamsForS3 = async () => notS3();
export const isDnsCompatibleBucketName = notS3;
export const isArnBucketName = notS3;
// Patterns that match nothing: no bundled code tests a host or bucket name against them.
export const DOT_PATTERN = /(?!)/;
export const S3_HOSTNAME_PATTERN = /(?!)/;

// Verifies a key-signed Sigstore bundle with sigstore-js (@sigstore/verify), as a JavaScript client would.
// Usage: node verify.mjs SIGSTORE_JS_DIR BUNDLE ARTIFACT TRUSTED_ROOT PUBLIC_KEY_PEM
// SIGSTORE_JS_DIR is an npm prefix holding node_modules/@sigstore/{verify,bundle,protobuf-specs}.
// Exit 0 when the bundle verifies, 1 when sigstore-js refuses it (its error on stderr), 2 on bad usage.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [jsDir, bundlePath, artifactPath, rootPath, keyPath] = process.argv.slice(2);
if (!keyPath) {
  console.error('usage: node verify.mjs SIGSTORE_JS_DIR BUNDLE ARTIFACT TRUSTED_ROOT PUBLIC_KEY_PEM');
  process.exit(2);
}
// The packages live in a cache folder, not beside this script: resolve them from there.
const require = createRequire(join(jsDir, 'node_modules', 'resolve-from-here.js'));
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

try {
  const bundle = bundleFromJSON(JSON.parse(readFileSync(bundlePath, 'utf8')));
  const trustedRoot = TrustedRoot.fromJSON(JSON.parse(readFileSync(rootPath, 'utf8')));
  const spki = createPublicKey(readFileSync(keyPath, 'utf8')).export({ type: 'spki', format: 'der' });
  // The key is offered under cosign's hint, base64(SHA-256(SPKI DER)): a bundle naming another hint finds no key.
  const hint = createHash('sha256').update(spki).digest('base64');
  const keys = { [hint]: { rawBytes: spki, keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start: new Date(0) } } };
  const verifier = new Verifier(toTrustMaterial(trustedRoot, keys));
  verifier.verify(toSignedEntity(bundle, readFileSync(artifactPath)));
  console.log('sigstore-js: verified');
} catch (e) {
  console.error(`sigstore-js: ${e.code ? e.code + ': ' : ''}${e.message}`);
  process.exit(1);
}

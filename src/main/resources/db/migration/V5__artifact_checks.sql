-- What the hashing read found besides the digest (issue 9), and what an HTTP server said about a
-- download, kept for reconciliation. All nullable: NULL means "not checked" (the check was switched
-- off, or the row was hashed before this version). IF NOT EXISTS: H2 commits each ALTER, so a
-- migration cut short by a full disk must be able to run again (PostgreSQL and H2 both take it).

-- Archive integrity: OK, FLAGGED, NOT_AN_ARCHIVE or SKIPPED, and its one-line findings.
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS integrity VARCHAR(16);
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS integrity_detail VARCHAR(2048);
-- OpenPGP detached signature: GOOD, BAD, UNKNOWN_KEY, EXPIRED_KEY, NO_SIGNATURE or MALFORMED,
-- the primary key's fingerprint when a trusted key was found, and a one-line detail.
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS signature VARCHAR(16);
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS signature_key VARCHAR(64);
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS signature_detail VARCHAR(1024);
-- Why this artifact puts its release in doubt (a bad signature, a flagged archive), NULL when it
-- does not: what on-bad (flag | hold) acts on.
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS doubt VARCHAR(2048);
-- HTTP source: the validators the server sent with the bytes that were hashed.
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS etag VARCHAR(512);
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS last_modified VARCHAR(64);
ALTER TABLE artifact ADD COLUMN IF NOT EXISTS content_length BIGINT;

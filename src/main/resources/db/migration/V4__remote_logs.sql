-- Logs run by someone else (Rekor v1/v2, rget). For them submission.entry holds the exact request
-- (its signature included), and receipt the verified receipt sumlog published (a Sigstore bundle),
-- so a new output tree gets the same receipt without asking the log again.

ALTER TABLE submission ADD COLUMN receipt VARCHAR(131072);

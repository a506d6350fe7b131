/**
 * OpenPGP detached signatures ({@code .asc} armored, {@code .sig} binary) of release artifacts, checked
 * with Bouncy Castle against the keyrings a job file names.
 *
 * <p>{@link dev.sumlog.signature.Keyrings#load} reads the trusted keys once;
 * {@link dev.sumlog.signature.DetachedSignatures#start} opens a check that the hashing pass feeds with the
 * artifact's bytes as they stream past, so a signature costs no second read of the file. Every outcome is a
 * {@link dev.sumlog.signature.SignatureResult}; nothing here throws for a bad signature or a bad signature
 * file, only for a keyring the user must fix.
 *
 * <p>Key validity is judged at the signature's creation time, not at the time of the check: OpenStack
 * rotates its release key every cycle and lets the old one expire, and a release signed while its key was
 * valid stays good after the key expires.
 *
 * <p>Depends on nothing else in sumlog.
 */
package dev.sumlog.signature;

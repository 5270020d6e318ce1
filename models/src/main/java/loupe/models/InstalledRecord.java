// SPDX-License-Identifier: Apache-2.0
package loupe.models;

/**
 * What the installer wrote next to a model file ({@code FILE.json}): the digest and size measured
 * when the file was verified and copied, so a later change of the file is noticed.
 *
 * @param source where it came from (npm package spec or the user's file path)
 * @param installedAt ISO-8601 instant
 */
public record InstalledRecord(String id, String variant, String file, String sha256, long size, String source,
    String installedAt) {}

// SPDX-License-Identifier: Apache-2.0
package loupe.models;

/**
 * @param summary one line for listings
 * @param notice the full situation, shown before installing
 */
public record Licence(String summary, String notice) {}

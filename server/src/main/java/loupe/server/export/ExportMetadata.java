// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

/**
 * What goes into an exported file besides its pixels; each part may be null.
 *
 * @param iccProfile the document's ICC profile (resource 1039)
 * @param photoshopResources image resource blocks (the clipping path, IPTC) for TIFF tag 34377 or JPEG APP13
 * @param xmp the XMP packet
 * @param ppi the document's horizontal and vertical resolution in pixels per inch (resource 1005)
 */
record ExportMetadata(byte[] iccProfile, byte[] photoshopResources, String xmp, double[] ppi) {}

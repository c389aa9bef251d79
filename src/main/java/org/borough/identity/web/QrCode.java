// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/**
 * A QR code drawn as one SVG path (zxing encodes it): sharp at any zoom, and no image request or
 * script, which the console's content security policy would refuse.
 *
 * @param size modules along a side, quiet zone included (the SVG's viewBox)
 * @param path the dark modules as an SVG path
 */
record QrCode(int size, String path) {

  static QrCode of(String text) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
      StringBuilder path = new StringBuilder();
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          if (matrix.get(x, y)) {
            path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
          }
        }
      }
      return new QrCode(matrix.getWidth(), path.toString());
    } catch (WriterException e) {
      throw new IllegalStateException("The QR code could not be made", e);
    }
  }
}

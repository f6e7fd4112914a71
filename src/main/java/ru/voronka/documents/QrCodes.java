package ru.voronka.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/** QR codes as PNG data URIs for the templates: the join link (WA-10) and the payment string (ГОСТ Р 56042-2014). */
final class QrCodes {

  private QrCodes() {}

  static String dataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, 180));
  }

  static String dataUri(byte[] image) {
    String type = ScanTypes.detect(image).orElse("image/png");
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image);
  }

  static byte[] png(String text, int size) {
    try {
      var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN, 2));
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return png.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("No QR code for a text of " + text.length() + " characters", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package ru.voronka.whatsapp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.voronka.deals.DealService;
import ru.voronka.deals.Viewers;

/** The QR code of a deal's WhatsApp group (WA-10), for its documents and its card: a PNG made with ZXing. */
@RestController
class DealGroupQrController {

  private final DealService deals;
  private final DealGroups links;

  DealGroupQrController(DealService deals, DealGroups links) {
    this.deals = deals;
    this.links = links;
  }

  @GetMapping(path = "/deals/{id}/whatsapp-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  ResponseEntity<byte[]> qr(@PathVariable Long id, Authentication auth) throws WriterException, IOException {
    deals.get(id, Viewers.of(auth)); // only for those who may see the deal
    var matrix = new QRCodeWriter().encode(links.joinLink(id), BarcodeFormat.QR_CODE, 280, 280,
        Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 2));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    MatrixToImageWriter.writeToStream(matrix, "PNG", png);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(png.toByteArray());
  }
}

package ru.voronka.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.voronka.deals.DealCreated;
import ru.voronka.deals.DealRepository;
import ru.voronka.directory.Counterparty;
import ru.voronka.documents.BuyerDirectory;
import ru.voronka.documents.BuyerRequisites;
import ru.voronka.documents.CompanyRequisites;
import ru.voronka.documents.CompanySettings;
import ru.voronka.documents.VatRate;

/**
 * The demo company's full requisites (with a drawn stamp) before the demo deals move, and requisites
 * for every demo client, so that a newcomer's first «Сформировать» gives a document at once.
 */
@Component
@ConditionalOnProperty(name = "voronka.demo.enabled", havingValue = "true")
class DemoDocuments {

  private final CompanySettings company;
  private final BuyerDirectory buyers;
  private final DealRepository deals;

  DemoDocuments(CompanySettings company, BuyerDirectory buyers, DealRepository deals) {
    this.company = company;
    this.buyers = buyers;
    this.deals = deals;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5) // before DemoData moves the deals, whose steps make documents
  public void requisites() {
    if (company.current().name() != null) {
      return;
    }
    company.save(new CompanyRequisites("ООО «Воронка-Снаб»", "7712345678", "771201001", "1157746000001",
        "119021, г. Москва, ул. Льва Толстого, д. 16, офис 3", null, "+7 (495) 649-84-47", "sales@voronka.local",
        "ПАО «Сбербанк», г. Москва", "044525225", "40702810938000012345", "30101810400000000225", "Смирнов Олег Викторович",
        "Генеральный директор", "Соколова Татьяна", VatRate.TWENTY_TWO, true, 10, false, false, false), "demo");
    byte[] stamp = stamp();
    if (stamp != null) {
      company.saveImage(CompanySettings.Image.STAMP, stamp, "demo");
    }
  }

  /** Every demo client gets a КПП, ОГРН, address and bank account (made up, well-formed). */
  @EventListener
  public void dealCreated(DealCreated event) {
    deals.findById(event.dealId()).map(d -> d.getCounterparty()).filter(c -> c != null && c.getId() != null)
        .ifPresent(this::fill);
  }

  private void fill(Counterparty client) {
    if (buyers.of(client.getId()).legalAddress() != null) {
      return;
    }
    String inn = client.getInn() == null ? "" : client.getInn();
    String kpp = inn.length() == 10 ? inn.substring(0, 4) + "01001" : null;
    String city = client.getRegion() == null ? "Москва" : client.getRegion();
    buyers.save(client.getId(), new BuyerRequisites(kpp, inn.length() == 10 ? "102" + inn : null,
        "г. " + city + ", ул. Заводская, д. " + (client.getId() % 40 + 1), "АО «Альфа-Банк», г. Москва", "044525593",
        String.format("40702810%012d", client.getId()), "30101810200000000593"));
  }

  /** A drawn stamp; none where the JVM finds no font to draw with (a bare server). */
  private static byte[] stamp() {
    try {
      return drawStamp();
    } catch (RuntimeException | Error noFonts) {
      return null;
    }
  }

  private static byte[] drawStamp() {
    BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(30, 60, 170, 190));
    g.setStroke(new BasicStroke(7));
    g.drawOval(10, 10, 280, 280);
    g.setStroke(new BasicStroke(3));
    g.drawOval(45, 45, 210, 210);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
    g.drawString("ВОРОНКА-СНАБ", 42, 160);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
    g.drawString("ОГРН 1157746000001", 62, 195);
    g.drawString("г. Москва", 110, 120);
    g.dispose();
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package ru.voronka.deals;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A line of the deal's commercial proposal (КП): typed in Voronka or imported from 1C. */
@Entity
@Table(name = "deal_kp_line")
public class KpLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long dealId;
  private int lineNo;
  private String code;
  private String name;
  private String unit;
  private BigDecimal quantity;
  private BigDecimal price;
  private BigDecimal total;
  private String source;

  protected KpLine() {}

  public KpLine(Long dealId, int lineNo, String code, String name, String unit, BigDecimal quantity, BigDecimal price,
      String source) {
    this.dealId = dealId;
    this.lineNo = lineNo;
    this.code = code;
    this.name = name;
    this.unit = unit;
    this.quantity = quantity;
    this.price = price.setScale(2, RoundingMode.HALF_UP);
    this.total = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    this.source = source;
  }

  public Long getId() {
    return id;
  }

  public Long getDealId() {
    return dealId;
  }

  public int getLineNo() {
    return lineNo;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getUnit() {
    return unit;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public String getSource() {
    return source;
  }
}

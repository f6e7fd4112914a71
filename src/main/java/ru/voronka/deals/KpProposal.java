package ru.voronka.deals;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A КП found in 1C for the deal's client (ONE-1), shown beside the deal's lines until the manager takes or leaves it. */
@Entity
@Table(name = "deal_kp_proposal")
public class KpProposal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long dealId;
  @Column(name = "onec_ref")
  private String oneCRef;
  private String number;
  private LocalDate kpDate;
  private BigDecimal total;
  private Instant foundAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "deal_kp_proposal_line", joinColumns = @JoinColumn(name = "proposal_id"))
  @OrderBy("lineNo")
  private List<Line> lines = new ArrayList<>();

  protected KpProposal() {}

  public KpProposal(Long dealId, String oneCRef, String number, LocalDate kpDate, BigDecimal total, Instant foundAt) {
    this.dealId = dealId;
    this.oneCRef = oneCRef;
    this.number = number;
    this.kpDate = kpDate;
    this.total = total.setScale(2, RoundingMode.HALF_UP);
    this.foundAt = foundAt;
  }

  /** A row of the proposed КП. */
  @Embeddable
  public static class Line {
    private int lineNo;
    private String code;
    private String name;
    private String unit;
    private BigDecimal quantity;
    private BigDecimal price;
    private BigDecimal total;

    protected Line() {}

    public Line(int lineNo, String code, String name, String unit, BigDecimal quantity, BigDecimal price) {
      this.lineNo = lineNo;
      this.code = code;
      this.name = name;
      this.unit = unit;
      this.quantity = quantity;
      this.price = price.setScale(2, RoundingMode.HALF_UP);
      this.total = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
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
  }

  public Long getId() {
    return id;
  }

  public Long getDealId() {
    return dealId;
  }

  public String getOneCRef() {
    return oneCRef;
  }

  public String getNumber() {
    return number;
  }

  public LocalDate getKpDate() {
    return kpDate;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public Instant getFoundAt() {
    return foundAt;
  }

  public List<Line> getLines() {
    return lines;
  }
}

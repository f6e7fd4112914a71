package ru.voronka.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A person of the company. {@code userId} is their Camunda user: login, groups and tasks live there. */
@Entity
public class Employee {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String userId;
  private String fullName;

  @ManyToOne(fetch = FetchType.LAZY)
  private Position position;

  @ManyToOne(fetch = FetchType.LAZY)
  private Department department;

  private String officePhone;
  private String extension;
  private String mobilePhone;
  private String mobileCarrier;
  private String email;
  private boolean active = true;

  protected Employee() {}

  public Employee(String userId, String fullName, Position position, Department department) {
    this.userId = userId;
    this.fullName = fullName;
    this.position = position;
    this.department = department;
  }

  /** The desk phone's extension on the PBX (TEL-1): where calls for this employee ring. */
  public Employee useExtension(String extension) {
    this.extension = extension == null || extension.isBlank() ? null : extension.strip();
    return this;
  }

  public String getExtension() {
    return extension;
  }

  public Employee withContacts(String officePhone, String mobilePhone, String mobileCarrier, String email) {
    this.officePhone = officePhone;
    this.mobilePhone = PhoneNumbers.normalize(mobilePhone);
    this.mobileCarrier = mobileCarrier;
    this.email = email;
    return this;
  }

  public Long getId() {
    return id;
  }

  public String getUserId() {
    return userId;
  }

  public String getFullName() {
    return fullName;
  }

  public Position getPosition() {
    return position;
  }

  public String getPositionName() {
    return position == null ? null : position.getName();
  }

  public Department getDepartment() {
    return department;
  }

  public String getOfficePhone() {
    return officePhone;
  }

  public String getMobilePhone() {
    return mobilePhone;
  }

  public String getMobileCarrier() {
    return mobileCarrier;
  }

  public String getEmail() {
    return email;
  }

  /** Dismissed: no longer in pickers, routing or chats; the card stays for the history. The desk phone is freed. */
  void dismiss() {
    this.active = false;
    this.extension = null;
  }

  public boolean isActive() {
    return active;
  }
}

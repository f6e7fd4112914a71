package ru.voronka.directory;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A person at a counterparty; one contact is the main one, each may have several phones and e-mails. */
@Entity
@jakarta.persistence.EntityListeners(ClientChanges.class)
public class Contact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Counterparty counterparty;

  private String fullName;
  private String jobTitle;
  private boolean main;

  @OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<ContactPhone> phones = new ArrayList<>();

  @OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<ContactEmail> emails = new ArrayList<>();

  protected Contact() {}

  Contact(Counterparty counterparty, String fullName, String jobTitle, boolean main) {
    this.counterparty = counterparty;
    this.fullName = fullName;
    this.jobTitle = jobTitle;
    this.main = main;
  }

  /** @throws ru.voronka.platform.web.DomainException when it is no phone number: a contact's number is dialled later */
  public Contact addPhone(String number) {
    phones.add(new ContactPhone(this, PhoneNumbers.require(number)));
    return this;
  }

  public Contact addEmail(String email) {
    emails.add(new ContactEmail(this, email.trim()));
    return this;
  }

  void edit(String fullName, String jobTitle) {
    this.fullName = fullName;
    this.jobTitle = jobTitle;
  }

  /** The numbers as typed on the card, each to E.164; one the contact already has keeps its WhatsApp id. */
  void replacePhones(java.util.List<String> e164s) {
    phones.removeIf(p -> !e164s.contains(p.getNumber()));
    java.util.List<String> kept = getPhones();
    e164s.stream().filter(n -> !kept.contains(n)).forEach(n -> phones.add(new ContactPhone(this, n)));
  }

  void replaceEmails(java.util.List<String> addresses) {
    emails.removeIf(e -> !addresses.contains(e.getEmail()));
    java.util.List<String> kept = getEmails();
    addresses.stream().filter(a -> !kept.contains(a)).forEach(a -> emails.add(new ContactEmail(this, a)));
  }

  void setMain(boolean main) {
    this.main = main;
  }

  public Long getId() {
    return id;
  }

  public Counterparty getCounterparty() {
    return counterparty;
  }

  public String getFullName() {
    return fullName;
  }

  public String getJobTitle() {
    return jobTitle;
  }

  public boolean isMain() {
    return main;
  }

  public List<String> getPhones() {
    return phones.stream().map(ContactPhone::getNumber).toList();
  }

  public List<String> getEmails() {
    return emails.stream().map(ContactEmail::getEmail).toList();
  }
}

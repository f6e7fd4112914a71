package ru.voronka.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
@jakarta.persistence.EntityListeners(ClientChanges.class)
class ContactPhone {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Contact contact;

  private String number;

  protected ContactPhone() {}

  ContactPhone(Contact contact, String number) {
    this.contact = contact;
    this.number = number;
  }

  String getNumber() {
    return number;
  }

  Contact getContact() {
    return contact;
  }
}

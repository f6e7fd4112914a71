package ru.voronka.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
@jakarta.persistence.EntityListeners(ClientChanges.class)
class ContactEmail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  private Contact contact;

  private String email;

  protected ContactEmail() {}

  ContactEmail(Contact contact, String email) {
    this.contact = contact;
    this.email = email;
  }

  String getEmail() {
    return email;
  }

  Contact getContact() {
    return contact;
  }
}

// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.contacts.Contact;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.system.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contacts")
class ContactApiController {

  private final ContactLog contacts;
  private final AuditLog audit;

  ContactApiController(ContactLog contacts, AuditLog audit) {
    this.contacts = contacts;
    this.audit = audit;
  }

  record LogContact(
      UUID residentId,
      String caseReference,
      Channel channel,
      Direction direction,
      Instant occurredAt,
      Integer durationSeconds,
      ContactOutcome outcome,
      String summary) {}

  @PostMapping("/api/v1/contacts")
  @PreAuthorize("hasAuthority('CONTACT_LOG')")
  @Operation(summary = "Log a contact on any channel")
  ResponseEntity<Contact> log(@RequestBody LogContact c) {
    Contact logged =
        contacts.log(
            new NewContact(
                c.residentId() == null ? null : new ResidentId(c.residentId()),
                c.caseReference(),
                c.channel(),
                c.direction(),
                c.occurredAt(),
                c.durationSeconds(),
                c.outcome(),
                c.summary()));
    return ResponseEntity.created(URI.create("/api/v1/contacts/" + logged.id())).body(logged);
  }

  @GetMapping("/api/v1/contacts/{id}")
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Operation(summary = "One contact")
  Contact get(@PathVariable UUID id) {
    return contacts.find(new org.borough.contacts.ContactId(id));
  }

  @GetMapping("/api/v1/residents/{id}/contacts")
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Operation(summary = "A resident's contacts, newest first")
  List<Contact> ofResident(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 500) {
      throw InvalidInputException.of("limit", "limit is 1 to 500");
    }
    audit.record(AuditAction.VIEW, "resident", id.toString(), "contacts listed through the API");
    return contacts.ofResident(new ResidentId(id), limit);
  }
}

package ru.voronka.documents;

/** A version's bytes with what a browser or a mail needs to show them. */
public record StoredFile(Long versionId, Long dealId, String fileName, String contentType, byte[] content) {}

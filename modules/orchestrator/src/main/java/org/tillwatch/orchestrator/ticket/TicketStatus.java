package org.tillwatch.orchestrator.ticket;

/**
 * Where a ticket stands. {@code WITH_PERSON}: matched nothing or its data is missing, untouched for support;
 * {@code ESCALATED}: handed to a support line with a summary; {@code WAITING}: re-checked automatically later;
 * {@code REPLIED}: answered, nothing more to do automatically; {@code RESOLVED}: closed automatically.
 */
public enum TicketStatus { WITH_PERSON, ESCALATED, WAITING, REPLIED, RESOLVED }

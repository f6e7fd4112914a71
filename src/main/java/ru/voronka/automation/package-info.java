/**
 * Stage automations (issue 17, AUT-1 … AUT-3): actions «Отправить сообщение в WhatsApp» bound to a
 * funnel stage, run by {@code processes/stage-automation.bpmn} when a deal enters the stage. Owns the
 * actions, their files and their runs; renders the text from the deal's values; sends through the chat
 * module's one outbox ({@link ru.voronka.chat.ClientOutbox}) and writes every run's outcome into the
 * deal's history. Uses deals (events, history, the deal), directory, calendar (working hours) and
 * whatsapp (which services and channels can send); nobody uses it but the workspace's settings page.
 */
package ru.voronka.automation;

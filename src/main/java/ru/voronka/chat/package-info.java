/**
 * Chats of every channel (COM-1 … COM-5, WA-8): personal and group chats between employees, and
 * per deal the client's chat and the internal one. Who may see a chat is decided in one place,
 * {@link ru.voronka.chat.ChatAccess}; what arrives is pushed to those people through
 * {@link ru.voronka.chat.live.LiveEvents}.
 */
package ru.voronka.chat;

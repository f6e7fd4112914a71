/**
 * COM-5, «Ответить клиенту»: the BPMN process {@code answerClient} (processes/answer-client.bpmn)
 * and what it calls. A client's message is correlated to the deal's running process, or starts it
 * when it is the first of the day.
 */
package ru.voronka.chat.answering;

/*
 * Camunda Welcome's configuration (the WebJar's own file, replaced on the classpath): Voronka's
 * shared settings — Russian, дд.мм.гггг, Moscow time — from app/voronka/config.js.
 */
import voronka from '../../voronka/config.js';

export default {
  ...voronka
};

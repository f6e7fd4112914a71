/*
 * Camunda Tasklist's configuration (the WebJar's own file, replaced on the classpath): Voronka's
 * shared settings — Russian, дд.мм.гггг, Moscow time — from app/voronka/config.js, and Tasklist's
 * keyboard shortcuts as Camunda ships them, described in Russian.
 */
import voronka from '../../voronka/config.js';

export default {
  ...voronka,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'взять выбранную задачу'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'перейти к первому фильтру'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'перейти к первой задаче списка'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'перейти к первому полю формы задачи'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'открыть окно запуска процесса'
    }
  }
};

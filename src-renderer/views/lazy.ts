import { defineAsyncComponent, type Component } from 'vue';
import { connection } from '../api/connection';
import ScreenUnreachable from '../components/ScreenUnreachable.vue';

/**
 * A screen or panel whose code loads when it is first shown, so the first load stays small. Code that
 * cannot be fetched means the planner stopped answering: that is the connection state, and the
 * screen says so instead of staying blank.
 */
export function lazyScreen(load: () => Promise<{ default: Component }>): Component {
  return defineAsyncComponent({
    loader: load,
    errorComponent: ScreenUnreachable,
    onError(error, _retry, fail) {
      connection.value = 'lost';
      fail();
    },
  });
}

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import type { RendererErrorReport } from '../../src-main/api/types';
import { installErrorReporting, MAX_REPORTS_PER_PAGE } from '../../src-renderer/lib/error-reports';

function reporter() {
  const sent: RendererErrorReport[] = [];
  const logged: unknown[] = [];
  return {
    sent,
    logged,
    reporting: { send: async (r: RendererErrorReport) => void sent.push(r), consoleError: (e: unknown) => void logged.push(e) },
  };
}

const Broken = defineComponent({
  setup() {
    const explode = () => {
      throw new TypeError('results is undefined');
    };
    return () => h('button', { onClick: explode }, 'go');
  },
});

describe('renderer failures reach the main process', () => {
  it("a Vue handler's error is reported with its stack and where Vue caught it, and still shown in the console", async () => {
    const { sent, logged, reporting } = reporter();
    const target = new EventTarget() as unknown as Window;
    const wrapper = mount(Broken, { attachTo: document.body });
    installErrorReporting(wrapper.vm.$.appContext.app, target, reporting);
    await wrapper.find('button').trigger('click');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ source: 'vue', message: 'TypeError: results is undefined', info: expect.stringContaining('handler') });
    expect(sent[0]!.stack).toContain('explode');
    expect(logged).toHaveLength(1);
    wrapper.unmount();
  });

  it('unhandled rejections and uncaught errors of the window are reported', () => {
    const { sent, reporting } = reporter();
    const target = new EventTarget();
    installErrorReporting(createApp({ render: () => null }), target as unknown as Window, reporting);
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new RangeError('no such scenario') }));
    target.dispatchEvent(Object.assign(new Event('error'), { error: undefined, message: 'Script error.' }));
    expect(sent.map((r) => [r.source, r.message])).toEqual([
      ['unhandledrejection', 'RangeError: no such scenario'],
      ['error', 'Script error.'],
    ]);
  });

  it('a failure in a loop sends a bounded number of reports, and a failed report is not an error', async () => {
    let attempts = 0;
    const target = new EventTarget();
    installErrorReporting(createApp({ render: () => null }), target as unknown as Window, {
      send: async () => {
        attempts++;
        throw new Error('the planner could not be reached');
      },
    });
    for (let i = 0; i < 100; i++) target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: `failure ${i}` }));
    await nextTick();
    expect(attempts).toBe(MAX_REPORTS_PER_PAGE);
  });
});

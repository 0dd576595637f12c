/** A SourceContext for tests: the real HTTP helper, a fake clock, and recorded masks. */
import { send } from '../../src/core/net/http.js';
import type { SourceContext } from '../../src/core/sources/source.js';
import { FakeClock } from './clock.js';

export function testContext(
  overrides: Partial<SourceContext> = {}
): SourceContext & { masked: string[]; debugs: string[]; clock: FakeClock } {
  const masked: string[] = [];
  const debugs: string[] = [];
  const clock = new FakeClock();
  return {
    send,
    clock,
    mask: (secret) => masked.push(secret),
    debug: (message) => debugs.push(message),
    env: {},
    masked,
    debugs,
    ...overrides
  } as SourceContext & { masked: string[]; debugs: string[]; clock: FakeClock };
}

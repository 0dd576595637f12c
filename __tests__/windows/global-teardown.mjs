// @ts-check
// After the Windows suite: stop wine's server and every Windows process of the prefix, which
// would otherwise hold the output of whatever ran the tests open.
import { stopWine } from '../../emulators/wine.mjs';

export default function teardown() {
  if (process.platform !== 'win32') stopWine();
}

'use strict';
// ES-module-only packages imported from CommonJS with import(): chalk 5 (its own
// Chalk instances at a fixed colour level) and execa 9, which spawns processes
// (a command, this runtime itself with a non-zero exit, a line-by-line iteration).
(async () => {
  const { Chalk, supportsColor } = await import('chalk5');
  const chalk = new Chalk({ level: 1 });
  console.log(JSON.stringify(chalk.red.bold('hi')), JSON.stringify(chalk.bgBlue.underline('x')));
  console.log(JSON.stringify(new Chalk({ level: 0 }).green('plain')), typeof supportsColor);
  const { execa, execaSync } = await import('execa');
  const echo = await execa('echo', ['hello', 'world']);
  console.log(echo.stdout, echo.exitCode, echo.command);
  const child = await execa(process.execPath, ['-e', 'console.log(6 * 7); process.exit(3)'], { reject: false });
  console.log(child.stdout, child.exitCode, child.failed);
  const lines = [];
  for await (const line of execa('printf', ['a\\nb\\nc\\n'])) lines.push(line);
  console.log(lines, execaSync('echo', ['sync']).stdout);
  try {
    await execa('false');
  } catch (err) {
    console.log(err.name, err.exitCode, err.shortMessage);
  }
})();

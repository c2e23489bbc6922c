/**
 * The XDG autostart entry that starts CallDeck at login on Linux, where Electron's
 * setLoginItemSettings does nothing. `exec` is the AppImage (its path survives updates) or the
 * installed binary.
 */
export function autostartEntry(options: { name: string; exec: string; icon: string; comment: string }): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${escapeValue(options.name)}`,
    `Comment=${escapeValue(options.comment)}`,
    `Exec=${quoteExec(options.exec)}`,
    `Icon=${escapeValue(options.icon)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Desktop Entry spec: a string value escapes backslash and line breaks. */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/**
 * Desktop Entry spec, "The Exec key": a path with reserved characters is double-quoted with `"`,
 * `` ` ``, `$` and `\` backslash-escaped, then the whole value is escaped as a string and `%`
 * doubled so it is not read as a field code.
 */
function quoteExec(path: string): string {
  const reserved = /[\s"'\\><~|&;$*?#()`]/;
  const quoted = reserved.test(path) ? `"${path.replace(/(["`$\\])/g, '\\$1')}"` : path;
  return escapeValue(quoted).replace(/%/g, '%%');
}

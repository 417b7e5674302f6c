/**
 * Reading and writing the host's documents without letting a storage failure stop the show: a document
 * that cannot be read is reported and treated as never written; a failed write is reported and the change
 * stays in memory (the next change writes the whole document again).
 */
import type { DocumentName, Host } from './host';
import { errorText } from './show/pattern-library';

export function readDocument(host: Host, name: DocumentName): string | null {
  try {
    const text = host.readDocument(name);
    return typeof text === 'string' ? text : null;
  } catch (err) {
    host.log('error', `the ${name} document could not be read (${errorText(err)}); starting without it`);
    return null;
  }
}

export function writeDocument(host: Host, name: DocumentName, text: string): void {
  try {
    host.writeDocument(name, text);
  } catch (err) {
    host.log(
      'error',
      `the ${name} document could not be saved (${errorText(err)}); the change is kept in memory and saved ` +
        'with the next one: check the data folder’s free space and permissions',
    );
  }
}

// A customers file's row whose VAT or registration number is already another
// customer's (stored, or an earlier row of the file): the same company about to be
// created twice (two accounts, two letter runs, a balance split in two), or, less
// often, two customers that share a number (departments of one public body, branches).
// The check stops on such rows, naming the customer, until the user decides for the
// file: skip them, update the customer that has the number, or create them anyway.

export const SAME_NUMBER_CHOICES = ["flag", "skip", "update", "create"] as const;
export type SameNumberChoice = (typeof SAME_NUMBER_CHOICES)[number];

export const SAME_NUMBER_LABEL: Record<SameNumberChoice, string> = {
  flag: "Stop and list them as problems",
  skip: "Skip those rows",
  update: "Update the customer that has the number",
  create: "Create them as new customers anyway",
};

/** A VAT or registration number worth comparing: at least five letters and digits, one a digit ("N/A" and "0" are not numbers). */
export function comparableNumber(normalized: string): boolean {
  return normalized.length >= 5 && /\d/.test(normalized);
}

/**
 * Why a direct link signs nobody in. The message is for the partner's developer (it says what to fix) and never
 * tells apart a customer or member of another partner from one that does not exist (decision D8).
 */
export class DirectLinkRefusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 = 400,
  ) {
    super(message);
    this.name = "DirectLinkRefusal";
  }
}

export const refuse = (message: string, status: 400 | 401 | 403 = 400): never => {
  throw new DirectLinkRefusal(message, status);
};

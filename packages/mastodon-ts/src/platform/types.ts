/** The credentials a client starts from: given in its options, or (on Node) read from files. */
export interface Credentials {
  api_base_url: string | null;
  client_id: string | null;
  client_secret: string | null;
  access_token: string | null;
}

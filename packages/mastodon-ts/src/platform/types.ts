/** The credentials a client starts from: given in its options, or (on Node) read from files. */
export interface Credentials {
  /** "" until known. */
  api_base_url: string;
  client_id: string | null;
  client_secret: string | null;
  access_token: string | null;
  client_name: string | null;
}

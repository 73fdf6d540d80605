// Tables of the portal module: information pages (a tree for the menu), news, the version history
// of both, uploaded images, and the library of documents for download with their file versions.
// Files and images are kept in the database, so any number of app instances can serve them.
export interface PagesTable {
  id: string;
  parent_id: string | null;
  /** One path segment, e.g. `o-programie`. */
  slug: string;
  /** Slugs of the ancestors and the page joined by `/`, unique: the public address. */
  path: string;
  position: number;
  title_pl: string;
  title_en: string | null;
  body_pl: string;
  body_en: string | null;
  is_published: boolean;
  /** Shown publicly only from this moment (ISO UTC); null: as soon as published. */
  publish_at: string | null;
  title_sort: string;
  search_doc: string;
  created_at: string;
  updated_at: string;
}

export const NEWS_CATEGORIES = ['komunikaty', 'wydarzenia', 'szkolenia', 'konkursy', 'program'] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

export interface NewsTable {
  id: string;
  slug: string;
  title_pl: string;
  title_en: string | null;
  lead_pl: string;
  lead_en: string | null;
  body_pl: string;
  body_en: string | null;
  category: NewsCategory;
  image_id: string | null;
  image_alt_pl: string | null;
  image_alt_en: string | null;
  is_published: boolean;
  /** Publication moment (ISO UTC); set when first published if the editor left it empty. */
  publish_at: string | null;
  search_doc: string;
  created_at: string;
  updated_at: string;
}

export type VersionedType = 'page' | 'news';

export interface ContentVersionsTable {
  id: string;
  item_type: VersionedType;
  item_id: string;
  /** 1, 2, 3… per item. */
  number: number;
  /** JSON snapshot of the editable fields after the edit. */
  data: string;
  /** e.g. `restored:3` when the version came from restoring version 3. */
  note: string | null;
  created_at: string;
  created_by: string | null;
}

export interface MediaTable {
  id: string;
  content_type: string;
  byte_size: number;
  /** Hex SHA-256 of the bytes: the ETag. */
  sha256: string;
  data: Buffer;
  original_name: string;
  created_at: string;
  created_by: string | null;
}

export const DOCUMENT_CATEGORIES = ['programy', 'raporty', 'akty-prawne', 'formularze', 'konsultacje', 'inne'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export interface DocumentsTable {
  id: string;
  title_pl: string;
  title_en: string | null;
  description_pl: string;
  description_en: string | null;
  category: DocumentCategory;
  /** The document's own date (adoption, publication), YYYY-MM-DD. */
  doc_date: string;
  /** Language of the document's content: ISO 639-1 code. */
  lang: string;
  is_accessible: boolean;
  is_published: boolean;
  title_sort: string;
  search_doc: string;
  created_at: string;
  updated_at: string;
}

export interface DocumentFilesTable {
  id: string;
  document_id: string;
  /** What this version is, e.g. "projekt" / "tekst przyjęty". */
  label_pl: string;
  label_en: string | null;
  /** Date of this version, YYYY-MM-DD; the newest is the default download. */
  version_date: string;
  /** The original (Polish) file name, used in Content-Disposition. */
  file_name: string;
  content_type: string;
  /** Short type name shown next to the link: PDF, DOCX… */
  kind: string;
  byte_size: number;
  sha256: string;
  data: Buffer;
  /** Number of downloads; nothing about who downloaded is kept. */
  download_count: number;
  created_at: string;
  created_by: string | null;
}

declare module '../../core/db/schema.js' {
  interface Database {
    pages: PagesTable;
    news: NewsTable;
    content_versions: ContentVersionsTable;
    media: MediaTable;
    documents: DocumentsTable;
    document_files: DocumentFilesTable;
  }
}

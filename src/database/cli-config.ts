import { standaloneOrmOptions } from './orm-options';

/** For the MikroORM CLI (`npm run migration:create`): the database named by DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a database with every existing migration applied');
export default standaloneOrmOptions(url);
